# ElsaFlow: the server (masters, role all) and the CLI (workers, elsaflow run) in one image.
#   docker build -t elsaflow .
#   docker run -p 8080:8080 -e ELSAFLOW_ADMIN_KEY=... elsaflow serve --urls http://0.0.0.0:8080
# docker-compose.yml runs a cluster of it.

# The Studio (React + Vite), built once, served by the masters at /studio.
FROM node:20-bookworm AS studio
WORKDIR /src/src/Studio
COPY src/Studio/package.json src/Studio/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Studio/ ./
RUN npm run build

# The CLI, which hosts the server (serve) and workers (worker); the Studio comes from the stage above.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=studio /src/src/Studio/dist src/Studio/dist
RUN ELSAFLOW_SKIP_STUDIO=1 dotnet publish src/Cli -c Release -r linux-x64 --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /data
COPY --from=build /app /app
# State (store, logs) in /state; flows' files in /data; both are volumes in docker-compose.yml.
ENV ElsaFlow__DataRoots__0=/data
VOLUME ["/state", "/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/elsaflow.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:8080", "--store", "/state"]
