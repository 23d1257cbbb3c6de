package org.cascadehub.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings ({@code cascade.demo.generate.*}).
 *
 * @param people how many generated people (with organisations and sites to match) to load on top of
 *     the standard demo data when the database is empty; 0 for none
 * @param seed the generator's seed: the same seed and size make the same data
 */
@ConfigurationProperties("cascade.demo.generate")
record DemoSettings(
        @DefaultValue("0") int people,
        @DefaultValue("20260101") long seed) {}
