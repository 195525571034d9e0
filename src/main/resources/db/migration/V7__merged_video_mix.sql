-- How the soundtrack was laid under a merged video (audio_params.mix as applied: duck, blend or replace), why that is
-- not the mix asked for (null when it is), and the loudness measured on the merged video's audio (EBU R128, by
-- FFmpeg's ebur128): integrated (LUFS), true peak (dBTP), loudness range (LU). Null for videos merged before.
ALTER TABLE merged_videos ADD COLUMN mix text,
                          ADD COLUMN mix_note text,
                          ADD COLUMN loudness_integrated double precision,
                          ADD COLUMN loudness_true_peak double precision,
                          ADD COLUMN loudness_range double precision;
