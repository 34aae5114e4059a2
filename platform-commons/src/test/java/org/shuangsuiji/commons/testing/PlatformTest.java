package org.shuangsuiji.commons.testing;

import io.quarkus.test.common.QuarkusTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one annotation an integration test needs besides {@code @QuarkusTest}: a real PostgreSQL, a real Kafka
 * broker and an OIDC server that signs real JWTs (checked by the service against its JWKS).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcResource.class)
public @interface PlatformTest {}
