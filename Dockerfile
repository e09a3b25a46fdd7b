# bilan in a container: `docker run --rm -v "$PWD:/site" IMAGE build`.
# Stage 1 builds a static binary (musl); stage 2 is that binary on Alpine
# (its certificates and a shell for CI jobs), run as an unprivileged user.
# A site with `theme: dsfr` runs `npm ci` in a Node image first, or uses
# the release archive in a Node image as the CI templates do.
FROM rust:1-alpine3.20 AS build
RUN apk add --no-cache musl-dev=1.2.5-r1
WORKDIR /src
COPY . .
ARG BILAN_COMMIT=""
ENV BILAN_COMMIT=${BILAN_COMMIT}
RUN cargo build --release --locked && strip target/release/bilan

FROM alpine:3.20
RUN apk add --no-cache ca-certificates=20241121-r1 \
    && adduser -D -u 1000 bilan
COPY --from=build /src/target/release/bilan /usr/local/bin/bilan
USER 1000
WORKDIR /site
ENTRYPOINT ["bilan"]
CMD ["build"]
