package io.reconcraft.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default id of one running instance of a service, {@code <service>@<host>:<pid>}, for claims and leases. */
public final class WorkerIds {

    private WorkerIds() {
    }

    public static String of(String service) {
        return service + "@" + hostName() + ":" + ProcessHandle.current().pid();
    }

    public static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
