package org.cascadehub.delivery.live;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.cascadehub.CascadeTest;
import org.springframework.context.annotation.Import;

/**
 * A full-stack live stream test: {@link CascadeTest} with a {@link TestReplaySource} standing in for
 * the database's replay. The classes using it share one application context of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CascadeTest
@Import({TestReplaySource.Configuration.class, Streams.class})
@interface LiveStreamTest {}
