package cn.yishi.application.port;

import java.util.function.Supplier;

/**
 * A unit of work in a transaction of its own, committed when it returns, even when the caller runs
 * inside a transaction (for instance a process engine job). Long sweeps use it to commit in chunks.
 */
public interface Transactions {
  <T> T inNewTransaction(Supplier<T> work);
}
