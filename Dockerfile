# Builds the service jar and runs it with the static FFmpeg shipped in the jar (no ffprobe: ffmpeg probes videos);
# routes/ and application.properties stay outside the jar so that operators can mount their own.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY application.properties .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# fonts-dejavu-core: the sans-serif font the timeline picture (GET /audio/{job_id}/timeline.png) is lettered with
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends curl fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/scenescore.jar /app/scenescore.jar
COPY application.properties /app/application.properties
COPY routes /app/routes
ENV SCENESCORE_DATA_DIR=/data SCENESCORE_CACHE_DIR=/app/cache
# the heap, as the launcher (./scenescore) sets it: 100 Replicate runs at once fit in it (bench/load-bench.sh);
# Kubernetes (deploy/kubernetes) replaces this with its own, sized to the pod's limit
ENV JAVA_TOOL_OPTIONS="-Xmx384m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/scenescore.jar"]
