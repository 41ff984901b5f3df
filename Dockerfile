# Wind Maker's servers and operator CLI in one image. Build: docker compose build (see docker-compose.yml).
FROM swift:6.3-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libprotobuf-c-dev protobuf-c-compiler libssl-dev libsqlite3-dev libpq-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# Every executable in one build (the products share most of their modules), then the servers and the CLI copied out.
RUN swift build -c release \
    && mkdir /out \
    && bin="$(swift build -c release --show-bin-path)" \
    && cp "$bin/registry" "$bin/assessment" "$bin/incentive" "$bin/wm-echo" "$bin/wmctl" /out/

FROM swift:6.3-bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libprotobuf-c1 libssl3 libsqlite3-0 libpq5 openssl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --create-home windmaker \
    && mkdir -p /certs /data && chown windmaker /certs /data
COPY --from=build /out/ /usr/local/bin/
COPY scripts/dev-certs /usr/local/bin/dev-certs
# The RPC ports (mutual TLS) and the Prometheus metrics ports (plain HTTP) of the registry, assessment and incentive.
EXPOSE 7401 7402 7403 9401 9402 9403
USER windmaker
