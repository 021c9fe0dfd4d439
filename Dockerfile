# A small, non-root image of the archive, served by gunicorn.
FROM python:3.13-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md ./
COPY config config
COPY meetings meetings
RUN pip wheel --wheel-dir /wheels .

FROM python:3.13-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PORT=8000
RUN useradd --create-home --uid 10001 archive
WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/* && rm -rf /wheels
COPY --chown=archive:archive . .
# Static files and translations are built into the image; the build-time
# values below only let the settings load and are never used at run time.
RUN SECRET_KEY=build-only DATABASE_URL=postgres://build@localhost/build \
    python manage.py collectstatic --no-input --verbosity 0 \
    && pybabel --quiet compile --directory locale --domain django
USER archive
EXPOSE 8000
CMD ["sh", "-c", "exec gunicorn config.wsgi --config config/gunicorn.py --bind 0.0.0.0:${PORT}"]
