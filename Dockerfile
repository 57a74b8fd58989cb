# The Kinerja API as a container. Build the service first on the build machine, then the image from its output:
#   scripts/publish.sh && docker build -t kinerja .
# The publish is self-contained (the .NET runtime is inside it), so the image needs only a plain Debian and the
# libraries .NET loads: ICU for cultures, CA certificates for HTTPS webhook receivers.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libicu72 ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin kinerja
WORKDIR /app
COPY --chown=root:root .local/publish/ /app/
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:8080 \
    DOTNET_gcServer=0
USER kinerja
EXPOSE 8080
# The schema is not changed on start outside Development: run the image with `db-apply` first (compose.yaml does).
ENTRYPOINT ["/app/Kinerja.Api"]
