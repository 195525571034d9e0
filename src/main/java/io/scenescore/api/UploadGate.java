package io.scenescore.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import io.scenescore.job.InvalidFields;
import io.scenescore.job.TooLarge;

/**
 * Takes a job posted with its video (POST /api/v3/jobs as multipart/form-data) where every other body is small.
 * The server's body limit (camel.server.max-body-size) holds for every platform-http route and stays at the JSON
 * limit. This gate sits in front of them on the same router: for a multipart job post it checks the API key and
 * a declared Content-Length before reading a byte, streams the parts to disk with a limit that has room for the
 * video, and hands the form to the Camel route {@link #ROUTE}, writing its answer. It answers such posts itself
 * because a second body handler (platform-http's own) cannot follow the first: over HTTP/2 it fails on the
 * already-read request.
 *
 * <p>It also answers every body over its limit (413 from either body handler) as problem+json naming the limit.
 */
public final class UploadGate {

    /** The route that takes the form: exchange property {@link #FORM}, an {@link UploadedForm}. */
    public static final String ROUTE = "direct:create-job-from-form";
    public static final String FORM = "form";
    static final String JOBS = "/api/v3/jobs";
    private static final List<String> ANSWER_HEADERS = List.of("Location", "Content-Type");

    private final long videoLimit;
    private final long jsonLimit;
    private final Path uploadDirectory;
    private final ApiKeyGuard keys;
    private final ProblemDocuments problems = new ProblemDocuments();
    private ProducerTemplate routes;

    public UploadGate(long videoLimit, long jsonLimit, Path uploadDirectory, ApiKeyGuard keys) {
        this.videoLimit = videoLimit;
        this.jsonLimit = jsonLimit;
        this.uploadDirectory = uploadDirectory;
        this.keys = keys;
    }

    /** Puts the gate in front of the platform-http routes of {@code router}. */
    public void install(VertxPlatformHttpRouter router, CamelContext camelContext) {
        routes = camelContext.createProducerTemplate();
        BodyHandler uploads = BodyHandler.create(uploadDirectory.toString())
                // the video, and the job's JSON with the multipart framing around both
                .setBodyLimit(videoLimit + jsonLimit)
                .setDeleteUploadedFilesOnEnd(true)
                .setHandleFileUploads(true);
        // only multipart posts: a JSON post goes on to the platform-http route
        router.route(HttpMethod.POST, JOBS).consumes("multipart/form-data").order(-1000)
                .handler(ctx -> admit(ctx, uploads))
                .handler(this::createJob);
        // a failure is answered by the error handlers of the server's root router, not of the platform-http one
        Router root = rootOf(router);
        root.errorHandler(413, this::tooLarge);
        root.errorHandler(400, this::unreadable);
        // Vert.x's own answers are HTML: a client of this API reads problem+json
        root.errorHandler(404, ctx -> answerUnlessWritten(ctx, new ApiProblem(404, "Not found", "there is nothing at " + ctx.request().method()
                + " " + shown(ctx.normalizedPath()) + "; the API's calls are listed in /api/v3/openapi.json")));
        root.errorHandler(405, ctx -> answerUnlessWritten(ctx, new ApiProblem(405, "Method not allowed", shown(ctx.normalizedPath())
                + " does not take " + ctx.request().method() + "; the API's calls are listed in /api/v3/openapi.json")));
    }

    private void answerUnlessWritten(RoutingContext ctx, ApiProblem problem) {
        if (!ctx.response().headWritten()) {
            answer(ctx.response(), problem);
        }
    }

    /** A path as the client sent it, cut short and without control characters. */
    private static String shown(String path) {
        String printable = path == null ? "" : path.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 200 ? printable.substring(0, 200) + "..." : printable;
    }

    private static Router rootOf(VertxPlatformHttpRouter router) {
        if (router.getServer() != null && router.getServer().getServer() != null
                && router.getServer().getServer().requestHandler() instanceof Router root) {
            return root;
        }
        return router;
    }

    private void admit(RoutingContext ctx, BodyHandler uploads) {
        try {
            keys.check(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), ctx.request().getHeader("X-API-Key"));
        } catch (ApiProblem refused) {
            refuse(ctx, refused);
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > videoLimit + jsonLimit) {
            refuse(ctx, uploadTooLarge());
            return;
        }
        // the platform-http router pauses requests until a body handler takes them
        ctx.request().resume();
        uploads.handle(ctx);
    }

    /** Refuses an upload before its body is read: over HTTP/1 the connection cannot carry another request. */
    private void refuse(RoutingContext ctx, RuntimeException problem) {
        if (ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        }
        answer(ctx.response(), problem);
    }

    /** The parts are on disk: the Camel route makes the job, on a worker thread; its answer goes back. */
    private void createJob(RoutingContext ctx) {
        Map<String, String> fields = new LinkedHashMap<>();
        ctx.request().formAttributes().forEach(field -> fields.put(field.getKey(), field.getValue()));
        List<FormPart> files = new ArrayList<>();
        for (FileUpload upload : ctx.fileUploads()) {
            files.add(new FormPart(upload.name(), Path.of(upload.uploadedFileName()), upload.fileName(), upload.size()));
        }
        UploadedForm form = new UploadedForm(fields, files);
        ctx.vertx().executeBlocking(() -> routes.send(ROUTE, ExchangePattern.InOut, exchange -> exchange.setProperty(FORM, form)), false).onComplete(done -> {
            if (done.failed()) {
                answer(ctx.response(), problems.describe(done.cause()));
            } else {
                answer(ctx.response(), done.result());
            }
        });
    }

    private void answer(HttpServerResponse response, Exchange exchange) {
        if (exchange.getException() != null) {
            answer(response, problems.describe(exchange.getException()));
            return;
        }
        Message message = exchange.getMessage();
        response.setStatusCode(message.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class));
        for (String name : ANSWER_HEADERS) {
            String value = message.getHeader(name, String.class);
            if (value != null) {
                response.putHeader(name, value);
            }
        }
        String body = message.getBody(String.class);
        response.end(body == null ? "" : body);
    }

    private void tooLarge(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        answer(ctx.response(), isUpload(ctx) ? uploadTooLarge()
                : new TooLarge(null, "the body is larger than the limit of " + TooLarge.size(jsonLimit) + " for a JSON body"));
    }

    /** A multipart body Vert.x could not read: most often a form field over its 8 KiB. */
    private void unreadable(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            return;
        }
        answer(ctx.response(), isUpload(ctx)
                ? new InvalidFields(JobForms.JOB, "the form cannot be read; a form field holds at most 8 KiB: send a longer job's JSON "
                        + "as a file part (curl -F job=@job.json)")
                : new ApiProblem(400, "Bad request", "the request cannot be read"));
    }

    private TooLarge uploadTooLarge() {
        return new TooLarge(JobForms.VIDEO, "the upload is larger than the limit: a video may be at most " + TooLarge.size(videoLimit));
    }

    private static boolean isUpload(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return ctx.request().method() == HttpMethod.POST && JOBS.equals(ctx.normalizedPath())
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    private void answer(HttpServerResponse response, RuntimeException problem) {
        answer(response, problems.describe(problem));
    }

    private static void answer(HttpServerResponse response, ProblemDocuments.Problem problem) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end(problem.json());
    }
}
