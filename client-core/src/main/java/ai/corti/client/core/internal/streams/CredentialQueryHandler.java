package ai.corti.client.core.internal.streams;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Appends {@code token=Bearer%20<token>} to the query of the WebSocket upgrade request as it is written, then
 * removes itself (and the token with it) from the pipeline.
 *
 * <p>Why here and not in the URI handed to Reactor Netty: Reactor Netty logs the request URI at DEBUG
 * ({@code Handler is being applied: {uri=...}}), so a token in it would reach the logs of anyone debugging the
 * transport. Added at this point of the pipeline, the token exists only in the bytes sent.
 */
final class CredentialQueryHandler extends ChannelOutboundHandlerAdapter {

    /** The handler's name in the pipeline. */
    static final String NAME = "corti.streamCredential";

    private String query;

    /**
     * Creates the handler for one connection.
     *
     * @param token the access token; never logged
     */
    CredentialQueryHandler(String token) {
        this.query = "token=Bearer%20" + StreamAddress.encode(token);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpRequest request && query != null) {
            String uri = request.uri();
            request.setUri(uri + (uri.indexOf('?') >= 0 ? '&' : '?') + query);
            query = null;
            ctx.pipeline().remove(this);
        }
        ctx.write(msg, promise);
    }

    /** Never shows the token. */
    @Override
    public String toString() {
        return "CredentialQueryHandler";
    }
}
