# Builds one ReconCraft service image: docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=api-gateway .
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
ARG SERVICE
RUN mvn -B -q -DskipTests -pl services/${SERVICE} -am package

FROM eclipse-temurin:17-jre
ARG SERVICE
# curl: the compose health check asks the service's actuator on its own port
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 reconcraft
COPY --from=build /src/services/${SERVICE}/target/${SERVICE}.jar /app/service.jar
USER 10001
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
