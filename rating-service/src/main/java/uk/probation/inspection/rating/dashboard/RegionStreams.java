package uk.probation.inspection.rating.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import uk.probation.inspection.platform.security.ReadAccess.Reading;
import uk.probation.inspection.rating.projection.Jdbc;
import uk.probation.inspection.rating.projection.RatingsQuery;
import uk.probation.inspection.rating.projection.RatingsQuery.Header;
import uk.probation.inspection.rating.publication.Publications;

/**
 * The open region streams. Each remembers the last change sequence it sent; on every committed snapshot (and at
 * least every {@code rating.stream.poll}, which also covers snapshots written by another replica) it sends the
 * rows of its region changed since then, in sequence order. The event id is the row's change sequence, so a
 * client resuming with {@code Last-Event-ID} gets exactly the rows changed after what it saw.
 */
@ApplicationScoped
public class RegionStreams {

    private static final Logger LOG = Logger.getLogger(RegionStreams.class);
    static final String EVENT = "rating";
    static final String EXPIRED = "expired";

    /** A row changed since some sequence: inspection, its live and its published sequence. */
    record Change(UUID id, long liveSeq, long publishedSeq) {
    }

    /** A row to send to one subscriber: its event id and the ratings that subscriber may see. */
    private record Due(long seq, Object ratings) {
    }

    final class Subscriber {
        final String region;
        final StreamScope scope;
        final SseEventSink sink;
        final Sse sse;
        volatile long lastSeq;

        Subscriber(String region, StreamScope scope, SseEventSink sink, Sse sse, long lastSeq) {
            this.region = region;
            this.scope = scope;
            this.sink = sink;
            this.sse = sse;
            this.lastSeq = lastSeq;
        }
    }

    @Inject
    Jdbc jdbc;

    @Inject
    RatingsQuery query;

    @Inject
    Publications publications;

    @Inject
    RatingChangeSignal signal;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "rating.stream.poll", defaultValue = "PT2S")
    Duration poll;

    /** A comment line this often keeps proxies from closing an idle stream and finds clients that went away. */
    @ConfigProperty(name = "rating.stream.heartbeat", defaultValue = "PT15S")
    Duration heartbeatInterval;

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile Thread loop;

    void start(@Observes StartupEvent event) {
        loop = new Thread(this::run, "rating-streams");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.interrupt();
        }
        subscribers.forEach(s -> s.sink.close());
        subscribers.clear();
    }

    /** Sends the rows changed after {@code since} (every row for -1), then keeps the stream open for changes. */
    public void open(String region, StreamScope scope, long since, SseEventSink sink, Sse sse, boolean live) {
        Subscriber subscriber = new Subscriber(region, scope, sink, sse, since);
        if (!live) {
            try {
                CompletableFuture.allOf(sendChanges(subscriber).toArray(CompletableFuture[]::new)).join();
            } finally {
                sink.close();
            }
            return;
        }
        synchronized (subscriber) {
            subscribers.add(subscriber);
            sendChanges(subscriber);
        }
    }

    private void run() {
        long lastHeartbeat = System.nanoTime();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                signal.await(poll);
                boolean heartbeat = System.nanoTime() - lastHeartbeat > heartbeatInterval.toNanos();
                if (heartbeat) {
                    lastHeartbeat = System.nanoTime();
                }
                Instant now = Instant.now();
                for (Subscriber subscriber : subscribers) {
                    synchronized (subscriber) {
                        if (subscriber.scope.expired(now)) {
                            expire(subscriber);
                            continue;
                        }
                        sendChanges(subscriber);
                        if (heartbeat) {
                            heartbeat(subscriber);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warnf("Live streams: %s (retrying)", e.toString());
            }
        }
    }

    private List<CompletableFuture<?>> sendChanges(Subscriber subscriber) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        if (subscriber.sink.isClosed()) {
            subscribers.remove(subscriber);
            return sent;
        }
        // Both sequences come from one sequence, taken in commit order, so one Last-Event-ID covers both.
        List<Change> changes = jdbc.list("""
                select id, change_seq, published_seq from inspection
                where upper(region) = upper(?) and greatest(change_seq, published_seq) > ?
                order by greatest(change_seq, published_seq), id""",
                row -> new Change(row.getObject(1, UUID.class), row.getLong(2), row.getLong(3)), subscriber.region,
                subscriber.lastSeq);
        // Each row is compared with where this round started, not with the rows before it: a viewer's row is
        // due by its published sequence, which may be below another row's newer live sequence in the same round.
        // Rows never snapshotted (sequence 0) exist only on a first connection; they are sent once, id 0.
        long since = subscriber.lastSeq;
        List<Due> due = new ArrayList<>();
        for (Change change : changes) {
            Header header = query.header(change.id()).orElse(null);
            StreamScope scope = subscriber.scope;
            if (header != null) {
                Reading reading = scope.reading(header,
                        () -> query.onTeam(header.id(), scope.username(), scope.access().subject()));
                if (reading == Reading.LIVE && change.liveSeq() > since) {
                    due.add(new Due(change.liveSeq(), query.ratings(header)));
                } else if (reading == Reading.PUBLISHED && change.publishedSeq() > since) {
                    publications.latestVisible(header.id())
                            .ifPresent(v -> due.add(new Due(change.publishedSeq(), v.snapshot().ratings())));
                }
            }
            subscriber.lastSeq = Math.max(subscriber.lastSeq, Math.max(change.liveSeq(), change.publishedSeq()));
        }
        // In id order, so a client's last id says it has everything before it.
        due.sort(Comparator.comparingLong(Due::seq));
        for (Due row : due) {
            sent.add(send(subscriber, row.seq(), row.ratings()));
        }
        return sent;
    }

    /** The token the stream was opened with has expired: say so, and end the stream. */
    private void expire(Subscriber subscriber) {
        subscribers.remove(subscriber);
        try {
            subscriber.sink.send(subscriber.sse.newEventBuilder().name(EXPIRED).mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data("{\"reason\":\"token expired: reconnect with a fresh token\"}").build())
                    .whenComplete((ignored, failure) -> subscriber.sink.close());
        } catch (IllegalStateException closed) {
            // the client had gone already
        }
    }

    private void heartbeat(Subscriber subscriber) {
        try {
            subscriber.sink.send(subscriber.sse.newEventBuilder().comment("keep-alive").build())
                    .exceptionally(failure -> {
                        subscribers.remove(subscriber);
                        return null;
                    });
        } catch (IllegalStateException closed) {
            subscribers.remove(subscriber);
        }
    }

    private CompletableFuture<?> send(Subscriber subscriber, long seq, Object data) {
        try {
            OutboundSseEvent event = subscriber.sse.newEventBuilder().id(Long.toString(seq)).name(EVENT)
                    .reconnectDelay(2000).mediaType(MediaType.TEXT_PLAIN_TYPE).data(json.writeValueAsString(data))
                    .build();
            return subscriber.sink.send(event).toCompletableFuture().exceptionally(failure -> {
                subscribers.remove(subscriber); // the client went away
                return null;
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IllegalStateException closed) {
            subscribers.remove(subscriber);
            return CompletableFuture.completedFuture(null);
        }
    }
}
