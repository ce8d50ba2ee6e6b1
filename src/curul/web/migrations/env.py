"""Alembic's environment for curul's saved scenarios: it runs on the connection the caller passes
(``curul.web._database.upgrade``), with batch mode so SQLite tables can be altered too."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True, target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
