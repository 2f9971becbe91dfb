package io.github.ozonperf.client.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Other names under which Ozon sends a generated model's field (live campaign lists send {@code PaymentType} where
 * the document says {@code paymentType}). Put on fields by the spec ({@code x-field-extra-annotation}) and honoured
 * by {@link ModelJson}: every alias binds to the same field, and the field is written under its documented name.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface WireAliases {
  /** The other wire names. */
  String[] value();
}
