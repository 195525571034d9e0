package io.scenescore.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.scenescore.filedrop.DropNames;

/** A dropped job's NAME never holds a path; a refused one is set aside under a stand-in that holds none either. */
class DropNamesTest {

    @ParameterizedTest
    @CsvSource({
            "harbour.json, harbour",
            "Harbour at dawn (take 2).json, Harbour at dawn (take 2)",
            "a.b.json, a.b",
            "x.status.json, x.status",
            "_draft-1+final.json, _draft-1+final",
            "caf\u00e9-\u00e9t\u00e9.json, caf\u00e9-\u00e9t\u00e9"})
    void aWellFormedJobFileGivesItsName(String fileName, String name) {
        assertThat(DropNames.jobName(fileName)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..\\..\\x.json", "a\\..\\..\\y.json", "../x.json", "a/b.json", ".hidden.json", "..json", ".json",
            "-x.json", "x .json", "C:x.json", "tab\there.json", "x.json.tmp", "x.JSON", "harbour"})
    void anythingElseIsRefused(String fileName) {
        assertThat(DropNames.jobName(fileName)).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {120, 121})
    void aNameIsAtMost120Characters(int length) {
        String name = "n".repeat(length);
        assertThat(DropNames.jobName(name + ".json")).isEqualTo(length <= 120 ? name : null);
    }

    @ParameterizedTest
    @CsvSource({
            "'..\\..\\x.json', __.._x",
            "'a\\..\\..\\..\\y.json', a_.._.._.._y",
            "'..json', _",
            "'tab\there.json', tab_here"})
    void aRefusedNameIsSetAsideUnderAStandInWithoutSeparators(String fileName, String standIn) {
        assertThat(DropNames.standIn(fileName)).isEqualTo(standIn);
        assertThat(DropNames.jobName(standIn + ".json")).isEqualTo(standIn);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..\\..\\x.json", "bell\u0007.json"})
    void theReasonShowsTheNameWithoutControlCharacters(String fileName) {
        String why = DropNames.whyRefused(fileName);
        assertThat(why).contains("not allowed").doesNotContain("\u0007");
        assertThat(why.chars().noneMatch(Character::isISOControl)).isTrue();
    }
}
