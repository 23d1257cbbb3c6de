package org.cascadehub.directory;

import static org.cascadehub.directory.ImportColumn.ADDRESS;
import static org.cascadehub.directory.ImportColumn.CONTACT_EMAIL;
import static org.cascadehub.directory.ImportColumn.CONTACT_PHONE;
import static org.cascadehub.directory.ImportColumn.EMAIL;
import static org.cascadehub.directory.ImportColumn.KIND;
import static org.cascadehub.directory.ImportColumn.LATITUDE;
import static org.cascadehub.directory.ImportColumn.LONGITUDE;
import static org.cascadehub.directory.ImportColumn.NOTIFY_EMAIL;
import static org.cascadehub.directory.ImportColumn.NOTIFY_SMS;
import static org.cascadehub.directory.ImportColumn.ORGANISATION;
import static org.cascadehub.directory.ImportColumn.PERSON_NAME;
import static org.cascadehub.directory.ImportColumn.PHONE;
import static org.cascadehub.directory.ImportColumn.RECORD;
import static org.cascadehub.directory.ImportColumn.ROLES;
import static org.cascadehub.directory.ImportColumn.SECTORS;
import static org.cascadehub.directory.ImportColumn.SIA_LICENCE;
import static org.cascadehub.directory.ImportColumn.SITE_NAME;
import static org.cascadehub.directory.ImportColumn.WEBSITE;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/** The file an import starts from: every column, and an example organisation, site and person. */
final class ImportTemplate {

    private ImportTemplate() {}

    /** The header row and one example row of each kind, with CRLF line ends as Excel writes. */
    static String text() {
        List<Map<ImportColumn, String>> examples = List.of(
                Map.of(
                        RECORD, "organisation",
                        ORGANISATION, "Example Retail Ltd",
                        KIND, "Business",
                        SECTORS, "Retail",
                        CONTACT_EMAIL, "security@example-retail.co.uk",
                        CONTACT_PHONE, "020 7946 0000",
                        WEBSITE, "https://example-retail.co.uk",
                        ADDRESS, "1 Example Street, London WC2N 5DU"),
                Map.of(
                        RECORD, "site",
                        ORGANISATION, "Example Retail Ltd",
                        SITE_NAME, "Strand store",
                        ADDRESS, "420 Strand, London WC2R 0QE",
                        LATITUDE, "51.5101",
                        LONGITUDE, "-0.1225"),
                Map.of(
                        RECORD, "person",
                        ORGANISATION, "Example Retail Ltd",
                        PERSON_NAME, "Sam Example",
                        EMAIL, "sam@example-retail.co.uk",
                        PHONE, "07700 900123",
                        SIA_LICENCE, "1234 5678 9012 3456",
                        ROLES, "Security manager",
                        NOTIFY_EMAIL, "yes",
                        NOTIFY_SMS, "no"));
        StringBuilder text = new StringBuilder();
        text.append(ImportColumn.expectedHeader()).append("\r\n");
        for (Map<ImportColumn, String> example : examples) {
            text.append(CSVFormat.RFC4180.format(Arrays.stream(ImportColumn.values())
                            .map(column -> example.getOrDefault(column, ""))
                            .toArray()))
                    .append("\r\n");
        }
        return text.toString();
    }
}
