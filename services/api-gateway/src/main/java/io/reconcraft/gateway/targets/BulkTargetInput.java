package io.reconcraft.gateway.targets;

import java.util.List;

public record BulkTargetInput(List<String> targets, List<String> tags) {
}
