package io.reconcraft.notifier.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution, separate so that the guard's decisions can be tested for any answer DNS might give. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
