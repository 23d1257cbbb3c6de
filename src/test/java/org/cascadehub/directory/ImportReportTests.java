package org.cascadehub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportReportTests {

    @Test
    void theSummaryCountsInWordsAndLeavesOutWhatThereIsNoneOf() {
        assertThat(new ImportReport(2, 1, 3, true).summary()).isEqualTo("2 organisations, 1 site and 3 people");
        assertThat(new ImportReport(0, 0, 1, true).summary()).isEqualTo("1 person");
        assertThat(new ImportReport(1, 4, 0, false).summary()).isEqualTo("1 organisation and 4 sites");
        assertThat(new ImportReport(0, 0, 0, false).summary()).isEqualTo("nothing");
    }
}
