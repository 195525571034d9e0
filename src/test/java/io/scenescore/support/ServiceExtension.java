package io.scenescore.support;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.scenescore.fake.FakeReplicate;

/**
 * The one way an end-to-end test class gets its service: before the class, a fresh {@link TestDatabase}, optionally
 * a {@link FakeReplicate}, and the service ({@link RunningService}) started on them; after the class, all of them
 * stopped again (service, fake, database: the reverse order).
 *
 * <pre>
 * &#64;RegisterExtension
 * static final ServiceExtension scenescore = ServiceExtension.withSettings(Map.of("scenescore.api-key", KEY));
 * static RunningService service;
 * static TestDatabase db;
 * </pre>
 *
 * What it starts is put into the test class's own static fields of type {@link TestDatabase}, {@link FakeReplicate}
 * and {@link RunningService} (each optional, at most one of each type), so that the tests read {@code service} and
 * {@code db}; the same objects are returned by {@link #service()}, {@link #db()} and {@link #replicate()}. Fields are
 * filled as soon as their object exists, so settings computed at run time ({@link #withSettings(Settings)}) may use
 * {@code db} and {@code replicate}. The class's own {@code @BeforeAll} methods run after the service has started and
 * its {@code @AfterAll} methods before it stops.
 */
public final class ServiceExtension implements BeforeAllCallback, AfterAllCallback {

    /** Settings computed when the class starts (temporary folders, a fake's port); may throw. */
    @FunctionalInterface
    public interface Settings {
        Map<String, String> get() throws Exception;
    }

    private final Settings settings;
    private final boolean startService;
    private String replicateToken;

    private TestDatabase db;
    private FakeReplicate replicate;
    private RunningService service;

    private ServiceExtension(Settings settings, boolean startService) {
        this.settings = settings;
        this.startService = startService;
    }

    /** The service with the silence source, a scratch data folder and these settings over the test defaults. */
    public static ServiceExtension withSettings(Map<String, String> settings) {
        Map<String, String> copy = Map.copyOf(settings);
        return new ServiceExtension(() -> copy, true);
    }

    /** As {@link #withSettings(Map)}, with settings computed before the service starts (after the database and the fake). */
    public static ServiceExtension withSettings(Settings settings) {
        return new ServiceExtension(settings, true);
    }

    /** Only the per-class database, for a class that starts its own instances on it. */
    public static ServiceExtension databaseOnly() {
        return new ServiceExtension(Map::of, false);
    }

    /**
     * Also starts a {@link FakeReplicate} that takes {@code token}, and points the service at it: the replicate
     * provider, the token, the fake's base URL, and {@code Prefer: wait} of 1 s (each can be overridden by the settings).
     */
    public ServiceExtension withFakeReplicate(String token) {
        this.replicateToken = token;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Class<?> testClass = context.getRequiredTestClass();
        try {
            db = TestDatabase.create();
            inject(testClass, TestDatabase.class, db);
            Map<String, String> all = new HashMap<>();
            if (replicateToken != null) {
                replicate = FakeReplicate.start(replicateToken);
                inject(testClass, FakeReplicate.class, replicate);
                all.put("scenescore.provider", "replicate");
                all.put("scenescore.replicate.token", replicateToken);
                all.put("scenescore.replicate.base-url", replicate.baseUrl());
                all.put("scenescore.replicate.prefer-wait-seconds", "1");
            }
            all.putAll(settings.get());
            if (startService) {
                service = RunningService.start(db, all);
                inject(testClass, RunningService.class, service);
            }
        } catch (Exception | Error e) {
            stopAll();
            throw e;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stopAll();
    }

    private void stopAll() throws Exception {
        try (TestDatabase d = db; FakeReplicate r = replicate; RunningService s = service) {
            // closed in reverse order: the service, the fake, then the database
        } finally {
            service = null;
            replicate = null;
            db = null;
        }
    }

    public RunningService service() {
        return service;
    }

    public TestDatabase db() {
        return db;
    }

    public FakeReplicate replicate() {
        return replicate;
    }

    private static void inject(Class<?> testClass, Class<?> type, Object value) throws IllegalAccessException {
        Field target = null;
        for (Field f : testClass.getDeclaredFields()) {
            if (f.getType() != type) {
                continue;
            }
            if (!Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers())) {
                throw new IllegalStateException(testClass.getSimpleName() + "." + f.getName()
                        + ": ServiceExtension fills static, non-final fields of type " + type.getSimpleName());
            }
            if (target != null) {
                throw new IllegalStateException(testClass.getSimpleName() + " has two fields of type " + type.getSimpleName()
                        + " (" + target.getName() + ", " + f.getName() + "): ServiceExtension fills one");
            }
            target = f;
        }
        if (target != null) {
            target.setAccessible(true);
            target.set(null, value);
        }
    }
}
