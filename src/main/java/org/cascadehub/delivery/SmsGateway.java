package org.cascadehub.delivery;

/** Hands text messages to an SMS provider. */
interface SmsGateway {

    /**
     * Sends one message; {@code reference} is the outbox row's id, so the provider's records can be
     * matched to Cascade's. Returns normally only once the provider has accepted it.
     *
     * @throws SmsNotSent when the provider could not be reached or refused the message
     */
    void send(Sms sms, String reference) throws SmsNotSent;

    /** The provider did not accept a message; the reason says why (an HTTP status, a timeout). */
    final class SmsNotSent extends Exception {
        SmsNotSent(String reason, Throwable cause) {
            super(reason, cause);
        }

        SmsNotSent(String reason) {
            super(reason);
        }
    }
}
