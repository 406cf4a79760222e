# The web checker (`superplan serve`) in a container: see docs/serve.md.
#   docker build -t superplan-checker .
#   docker run --rm -p 127.0.0.1:8000:8000 -v "$PWD/submissions:/data" superplan-checker
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY pyproject.toml README.md LICENSE ./
COPY src ./src
COPY docs ./docs
COPY schemas ./schemas
RUN pip install '.[serve]' && rm -rf /src

# An unprivileged user, owning only the store folder.
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin superplan \
    && mkdir /data && chown superplan /data
USER superplan
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000

# Inside the container it listens on all of the container's own addresses; publish the port on
# the host's loopback (-p 127.0.0.1:8000:8000) or behind a reverse proxy.
CMD ["superplan", "serve", "--host", "0.0.0.0", "--port", "8000", "--store", "/data"]
