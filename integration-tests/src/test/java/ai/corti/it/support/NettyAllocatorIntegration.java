package ai.corti.it.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Tells BlockHound about a lock inside Netty itself: under allocation pressure (tens of MiB of audio in the
 * backpressure suite), Netty 4.2's default {@code AdaptivePoolingAllocator} grows its magazines under a
 * {@code StampedLock}, which can park an event loop for a moment. That is Netty's design, not a blocking call
 * of the SDK or the emulator; left unflagged it would fail whatever event loop happened to allocate (it broke
 * the emulator's frame decoding mid-session). Registered through {@code META-INF/services}.
 */
public final class NettyAllocatorIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
    }
}
