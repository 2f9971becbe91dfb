package io.github.ozonperf.client.internal.report;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * One report-generation slot per account, shared by every Reports instance in the JVM: Ozon lets an account
 * generate one report at a time and answers a second concurrent submit with 429, losing that report.
 */
public final class AccountGate {
  private static final ConcurrentMap<String, Semaphore> SLOTS = new ConcurrentHashMap<>();

  private AccountGate() {}

  /** The slot of an account (a fair single permit), keyed by e.g. base URL + client id. */
  public static Semaphore slot(String accountKey) {
    return SLOTS.computeIfAbsent(accountKey, key -> new Semaphore(1, true));
  }
}
