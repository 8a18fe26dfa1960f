# Nguồn: the portal (API, resolver and web app) in one image.
#   docker build -t nguon .
#   docker run -p 3000:3000 -e AUTH_SECRET=<at least 32 characters> -e DATABASE_URL=postgres://... -e MAIL_TRANSPORT=smtps://... nguon
# Without DATABASE_URL it uses the embedded PostgreSQL in /app/data (mount a volume there).

# --- build: every dependency, then shared, server and web compiled ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY test/package.json test/
# Install scripts are skipped, as npm 11 does by default: nothing here needs them (native modules ship prebuilt).
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.base.json ./
COPY shared shared
COPY server server
COPY web web
RUN npm run build

# --- runtime: production dependencies and the built output only ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY web/package.json web/
COPY test/package.json test/
# The server's and shared's production dependencies; the web app is static files and one
# self-contained server entry (web/dist-ssr), so not React.
RUN npm ci --omit=dev -w server -w shared --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/shared/dist shared/dist
COPY --from=build /app/server/dist server/dist
COPY --from=build /app/web/dist web/dist
COPY --from=build /app/web/dist-ssr web/dist-ssr
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
