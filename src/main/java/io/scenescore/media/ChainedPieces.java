package io.scenescore.media;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Joins the predictions of one scene into its raw piece: each continued prediction starts with the window
 * of the piece before, which is cut off so that no music is heard twice.
 */
public final class ChainedPieces {

    public List<String> command(List<Path> pieces, List<Integer> windows, Path out) {
        List<String> args = new ArrayList<>(FfmpegArgs.base());
        StringBuilder graph = new StringBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            args.add("-i");
            args.add(pieces.get(i).toString());
            graph.append('[').append(i).append(":a]atrim=start=").append(windows.get(i))
                    .append(",asetpts=PTS-STARTPTS[c").append(i).append("];");
        }
        for (int i = 0; i < pieces.size(); i++) {
            graph.append("[c").append(i).append(']');
        }
        graph.append("concat=n=").append(pieces.size()).append(":v=0:a=1[raw]");
        args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[raw]", "-c:a", "pcm_s16le", out.toString()));
        return args;
    }
}
