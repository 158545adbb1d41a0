# SEND Hub container image: gunicorn with WhiteNoise for static files, or the procrastinate worker.
# Non-root, and happy with a read-only root file system: only /var/lib/sendhub (a volume) and /tmp
# (a tmpfs) are written. Not built on the project's build machine (Docker cannot run there).
#
#   docker build -t sendhub .
#   docker run --read-only --tmpfs /tmp -v sendhub-var:/var/lib/sendhub --env-file sendhub.env -p 8000:8000 sendhub
#   docker run ... sendhub sendhub procrastinate worker
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
WORKDIR /src
COPY requirements.lock ./
RUN python -m venv /opt/sendhub/venv \
 && /opt/sendhub/venv/bin/pip install -r requirements.lock
COPY pyproject.toml ./
COPY sendhub ./sendhub
RUN /opt/sendhub/venv/bin/pip install --no-deps . \
 # Collected, hashed static files go inside the image, so the read-only root serves them (WhiteNoise).
 && SENDHUB_COLLECTSTATIC=true SENDHUB_VAR_DIR=/opt/sendhub SENDHUB_SECRET_KEY=build-only-not-secret-0123456789-0123456789-0123456789 \
    SENDHUB_DATABASE_URL=sqlite:///:memory: /opt/sendhub/venv/bin/sendhub collectstatic --no-input -v 0

FROM python:3.11-slim-bookworm
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 sendhub \
 && useradd --system --uid 10001 --gid sendhub --home-dir /var/lib/sendhub --shell /usr/sbin/nologin sendhub \
 && install -d -o sendhub -g sendhub /var/lib/sendhub
COPY --from=build /opt/sendhub /opt/sendhub
ENV PATH=/opt/sendhub/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    SENDHUB_VAR_DIR=/var/lib/sendhub \
    SENDHUB_COLLECTSTATIC=true \
    NUMBA_CACHE_DIR=/tmp/numba \
    SENDHUB_STATIC_ROOT=/opt/sendhub/static
USER sendhub:sendhub
WORKDIR /var/lib/sendhub
VOLUME ["/var/lib/sendhub"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["gunicorn", "sendhub.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--timeout", "60", \
     "--worker-tmp-dir", "/tmp", "--forwarded-allow-ips", "*"]
