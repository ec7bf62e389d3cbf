package io.reconcraft.toolrunner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ToolRunnerApplication {

    public static void main(String[] args) {
        SpringApplication.run(ToolRunnerApplication.class, args);
    }
}
