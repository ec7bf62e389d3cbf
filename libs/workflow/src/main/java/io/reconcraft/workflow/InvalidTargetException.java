package io.reconcraft.workflow;

/** A target string that is not an IP address, a CIDR block or an RFC 1123 hostname. */
public class InvalidTargetException extends IllegalArgumentException {

    public InvalidTargetException(String message) {
        super(message);
    }
}
