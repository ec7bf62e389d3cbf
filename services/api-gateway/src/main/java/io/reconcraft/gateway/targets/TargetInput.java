package io.reconcraft.gateway.targets;

import java.util.List;

public record TargetInput(String value, List<String> tags) {
}
