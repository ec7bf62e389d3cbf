package io.reconcraft.gateway.run;

import java.util.List;

public record RunLogs(List<String> logs, boolean hasMore) {
}
