package dev.newswatch.ingester.assignment;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The assignment partitions this instance owns. Work for a partition runs {@linkplain #whileOwning while owning}
 * it, and {@link #revoke} waits for such work to end: once it returns, nothing more is done for those
 * partitions here, so the instance that takes them over is the only one writing for their sources.
 */
public final class Ownership {

    /** Work done only while a partition is owned. */
    @FunctionalInterface
    public interface Owned<T, E extends Exception> {
        T run() throws E;
    }

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<Integer> owned = new HashSet<>();

    public void assign(Collection<Integer> partitions) {
        lock.writeLock().lock();
        try {
            owned.addAll(partitions);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Gives the partitions up, after the work running for them has ended. */
    public void revoke(Collection<Integer> partitions) {
        lock.writeLock().lock();
        try {
            owned.removeAll(partitions);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean owns(int partition) {
        lock.readLock().lock();
        try {
            return owned.contains(partition);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code work} holding {@code partition}, which cannot be revoked meanwhile; empty when not owned. */
    public <T, E extends Exception> Optional<T> whileOwning(int partition, Owned<T, E> work) throws E {
        lock.readLock().lock();
        try {
            return owned.contains(partition) ? Optional.of(work.run()) : Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }
}
