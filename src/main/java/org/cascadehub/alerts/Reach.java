package org.cascadehub.alerts;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who an alert will reach (or reached): people and organisations, counted by sector, borough and
 * channel. Everyone is reached on screen; email and SMS follow each person's choices.
 */
public record Reach(
        int people,
        int organisations,
        Map<String, Integer> bySector,
        Map<String, Integer> byBorough,
        Map<String, Integer> byChannel) {

    static Reach of(List<Recipient> recipients) {
        Map<String, Integer> sectors = new TreeMap<>();
        Map<String, Integer> boroughs = new TreeMap<>();
        int email = 0;
        int sms = 0;
        for (Recipient recipient : recipients) {
            recipient.sectors().forEach(s -> sectors.merge(s, 1, Integer::sum));
            boroughs.merge(recipient.boroughCode() == null ? "named" : recipient.boroughCode(), 1, Integer::sum);
            email += recipient.viaEmail() ? 1 : 0;
            sms += recipient.viaSms() ? 1 : 0;
        }
        int organisations = (int)
                recipients.stream().map(Recipient::organisationId).distinct().count();
        return new Reach(
                recipients.size(),
                organisations,
                sectors,
                boroughs,
                Map.of("screen", recipients.size(), "email", email, "sms", sms));
    }
}
