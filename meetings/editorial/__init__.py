"""Editors' side: admin screens, workflow, forms, services (publish, withdraw), groups."""
