package io.reconcraft.audit.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The anchors' topic (compacted: only the newest anchor matters), and the scheduled retention and full verification. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class AuditConfig {

    @Bean
    NewTopic auditAnchorTopic(AuditProperties properties) {
        return TopicBuilder.name(properties.anchorTopic()).partitions(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }
}
