package io.reconcraft.toolrunner.execution.live.nmap;

import io.reconcraft.toolrunner.execution.live.ToolOutputException;

/** nmap's output is not the XML it should be; the message becomes the step's error. */
public class NmapOutputException extends ToolOutputException {

    NmapOutputException(String detail) {
        super("nmap output could not be parsed: " + detail);
    }
}
