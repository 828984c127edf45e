package ai.corti.it.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's default allocator takes a short internal lock when it grows its pool of magazines under contention
 * (many buffers in flight, as when a 150 MB upload and its server share the machine); BlockHound reports that park
 * as blocking on an event loop. It is Netty's own bookkeeping, bounded and not the SDK's: allowed here by name, so
 * every other blocking call on a Reactor or Netty thread still fails the test that made it.
 */
public final class NettyAllocatorBlockHound implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$Magazine", "free");
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup", "tryExpandMagazines");
    }
}
