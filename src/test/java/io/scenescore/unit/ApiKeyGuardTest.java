package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import io.scenescore.api.ApiKeyGuard;
import io.scenescore.api.ApiProblem;

/** With a key configured, a call carries it as a Bearer token or in X-API-Key, or is refused with 401. */
class ApiKeyGuardTest {

    private static final String KEY = "s3cret-key";

    private final ApiKeyGuard guard = new ApiKeyGuard(KEY);

    private static ApiProblem refusal(ApiKeyGuard guard, String authorization, String apiKey) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> guard.check(authorization, apiKey));
        assertThat(problem).as("check(%s, %s) should be refused", authorization, apiKey).isNotNull();
        assertThat(problem.status()).isEqualTo(401);
        assertThat(problem.title()).isEqualTo("Unauthorized");
        return problem;
    }

    @ParameterizedTest(name = "configured key [{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void withNoKeyConfiguredEveryCallPasses(String configured) {
        ApiKeyGuard open = new ApiKeyGuard(configured);

        assertThatCode(() -> open.check(null, null)).doesNotThrowAnyException();
        assertThatCode(() -> open.check("Bearer anything", "whatever")).doesNotThrowAnyException();
    }

    @Test
    void theKeyAsABearerTokenPasses() {
        assertThatCode(() -> guard.check("Bearer " + KEY, null)).doesNotThrowAnyException();
    }

    @Test
    void theBearerSchemeIsCaseInsensitiveAndTheTokenIsStripped() {
        assertThatCode(() -> guard.check("bearer   " + KEY + "  ", null)).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("BEARER " + KEY, null)).doesNotThrowAnyException();
    }

    @Test
    void theKeyInXApiKeyPasses() {
        assertThatCode(() -> guard.check(null, KEY)).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("Basic dXNlcjpwYXNz", KEY)).doesNotThrowAnyException();
    }

    @Test
    void aWrongKeyIsRefused() {
        assertThat(refusal(guard, "Bearer not-the-key", null).getMessage()).isEqualTo("the API key is wrong");
        assertThat(refusal(guard, null, "not-the-key").getMessage()).isEqualTo("the API key is wrong");
        assertThat(refusal(guard, null, KEY + "x").getMessage()).isEqualTo("the API key is wrong");
        assertThat(refusal(guard, null, KEY.toUpperCase()).getMessage()).isEqualTo("the API key is wrong");
    }

    @Test
    void aMissingKeyIsRefusedSayingHowToSendIt() {
        for (String[] call : new String[][] {{null, null}, {null, ""}, {"Bearer ", null}, {"Basic dXNlcjpwYXNz", null}}) {
            assertThat(refusal(guard, call[0], call[1]).getMessage())
                    .isEqualTo("an API key is required: send Authorization: Bearer <key> or X-API-Key");
        }
    }
}
