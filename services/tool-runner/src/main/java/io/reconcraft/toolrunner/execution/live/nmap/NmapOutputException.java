package io.reconcraft.toolrunner.execution.live.nmap;

/** nmap's output is not the XML it should be; the message becomes the step's error. */
public class NmapOutputException extends RuntimeException {

    NmapOutputException(String detail) {
        super("nmap output could not be parsed: " + detail);
    }
}
