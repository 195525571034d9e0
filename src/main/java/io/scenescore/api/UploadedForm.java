package io.scenescore.api;

import java.util.List;
import java.util.Map;

/** A multipart/form-data request as the upload gate hands it to its route: the form fields and the file parts on disk. */
public record UploadedForm(Map<String, String> fields, List<FormPart> files) {
}
