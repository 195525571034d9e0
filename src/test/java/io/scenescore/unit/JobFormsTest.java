package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scenescore.api.FormPart;
import io.scenescore.api.JobForms.JobForm;
import io.scenescore.api.JobForms;
import io.scenescore.job.FieldError;
import io.scenescore.job.JobRefused;

/** A job posted as multipart/form-data: its job part and its video part. */
class JobFormsTest {

    private static final String JOB = "{\"storyboard\": {\"scenes\": [{\"description\": \"a\", \"duration\": 2}]}}";
    @TempDir
    Path tmp;
    private final JobForms forms = new JobForms(1024);

    private FormPart file(String name, String fileName, String content) throws Exception {
        Path file = Files.writeString(tmp.resolve(name + "-" + fileName), content);
        return new FormPart(name, file, fileName, Files.size(file));
    }

    @Test
    void theJobAsAFieldAndTheVideoAsAFile() throws Exception {
        FormPart video = file("video", "harbour.mp4", "not really a video");

        JobForm form = forms.read(Map.of("job", JOB), List.of(video));

        assertThat(form.json()).isEqualTo(JOB);
        assertThat(form.video().file()).isEqualTo(video.file());
        assertThat(form.video().fileName()).isEqualTo("harbour.mp4");
        assertThat(form.video().field()).isEqualTo("video");
    }

    @Test
    void theJobAsAFilePartForJsonLongerThanAFormFieldMayBe() throws Exception {
        JobForm form = forms.read(Map.of(), List.of(file("job", "job.json", JOB)));

        assertThat(form.json()).isEqualTo(JOB);
        assertThat(form.video()).isNull();
    }

    @Test
    void aJobFileOverTheJsonLimitIs413() throws Exception {
        JobRefused tooLarge = catchThrowableOfType(JobRefused.class,
                () -> forms.read(Map.of(), List.of(file("job", "job.json", " ".repeat(2000) + JOB))));

        assertThat(Refusals.status(tooLarge)).isEqualTo(413);
        assertThat(tooLarge.getMessage()).contains("job").contains("1024 bytes");
    }

    @Test
    void aMissingJobAnUnknownPartOrAVideoSentAsTextAreNamed() throws Exception {
        assertThat(field(() -> forms.read(Map.of(), List.of()))).isEqualTo("job");
        assertThat(field(() -> forms.read(Map.of("job", JOB, "extra", "x"), List.of()))).isEqualTo("extra");
        assertThat(field(() -> forms.read(Map.of("job", JOB), List.of(file("poster", "p.png", "x"))))).isEqualTo("poster");
        assertThat(field(() -> forms.read(Map.of("job", JOB, "video", "AAAA"), List.of()))).isEqualTo("video");
    }

    private static String field(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        JobRefused problem = catchThrowableOfType(JobRefused.class, call);
        assertThat(Refusals.status(problem)).isEqualTo(400);
        return problem.errors().stream().map(FieldError::field).findFirst().orElseThrow();
    }
}
