package org.cascadehub.demo;

import java.util.List;
import java.util.Random;

/**
 * What the demo's police coordinators tell reporters at each step, and the references and outcomes
 * they record: the words a reporter hopes to hear back.
 */
final class ReportFeedback {

    private static final List<String> ACKNOWLEDGED = List.of(
            "Thank you for the report. We have it and will review it with the local team today.",
            "Received, thank you. Please keep the CCTV for at least 31 days.",
            "Thanks, this has been read by the partnership desk. We will come back to you when it is assigned.",
            "Acknowledged. Helpful detail on the description: please send any further sightings as a message here.");

    private static final List<String> ASSIGNED = List.of(
            "Assigned to the Safer Neighbourhood Team for your ward; an officer will contact your security manager.",
            "Passed to the local business crime officer, who will call to arrange collecting the footage.",
            "Allocated to the town centre team. They will increase patrols at the times you describe this week.",
            "Assigned to the counter-terrorism security adviser for the area, who will be in touch about next steps.");

    private static final List<String> CRIME_RECORDED = List.of(
            "A crime has been recorded. Please quote the reference if you have any more information.",
            "Recorded as a crime and linked to similar reports in the area. An officer will take a statement.",
            "Crime recorded. The footage has been requested; please make sure it is kept.",
            "Crime recorded and circulated to local officers with the description you gave.");

    private static final List<String> REFERRED = List.of(
            "Referred to Action Fraud, who handle this kind of offence nationally. Their reference is in the outcome.",
            "Referred to the council's anti-social behaviour team, who lead on this location.",
            "Referred to the British Transport Police, whose area this is.",
            "Referred to the local authority's CCTV control room to monitor the location.");

    private static final List<String> CLOSED = List.of(
            "Closed: suspect identified and charged; thank you for the evidence, it made the difference.",
            "Closed: suspect given a community resolution and barred from the premises.",
            "Closed: no further lines of enquiry at present. It will be reopened if new evidence comes to light.",
            "Closed: patrols have been stepped up and there have been no further incidents reported.",
            "Closed: the item was assessed by officers and found to be lost property.",
            "Closed: intelligence passed to the relevant team; no further action for you.");

    private static final List<String> REPORTER_MESSAGES = List.of(
            "We have kept the CCTV and can provide it on a USB stick.",
            "The same person came back this afternoon; staff did not approach.",
            "Thank you. Is there anything else you need from us?",
            "The colleague involved is happy to give a statement.",
            "We have added the vehicle registration to our watch list at the barrier.");

    private ReportFeedback() {}

    static String acknowledged(Random random) {
        return pick(ACKNOWLEDGED, random);
    }

    static String assigned(Random random) {
        return pick(ASSIGNED, random);
    }

    static String crimeRecorded(Random random) {
        return pick(CRIME_RECORDED, random);
    }

    static String referred(Random random) {
        return pick(REFERRED, random);
    }

    static String closed(Random random) {
        return pick(CLOSED, random);
    }

    static String fromReporter(Random random) {
        return pick(REPORTER_MESSAGES, random);
    }

    /** A Metropolitan Police style crime reference: seven digits, a slash, the year. */
    static String crimeReference(Random random, int year) {
        return "%07d/%02d".formatted(1_000_000 + random.nextInt(9_000_000), year % 100);
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
