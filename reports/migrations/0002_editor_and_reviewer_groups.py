from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import migrations

# Editors enter and curate everything; reviewers judge claims (status and links) and read the rest.
EDITOR = {
    "source": ["add", "change", "view"],
    "region": ["add", "change", "view"],
    "article": ["add", "change", "delete", "view"],
    "claim": ["add", "change", "delete", "view", "review"],
    "claimlink": ["add", "change", "delete", "view"],
}
REVIEWER = {
    "source": ["view"],
    "region": ["view"],
    "article": ["view"],
    "claim": ["view", "review"],
    "claimlink": ["add", "change", "delete", "view"],
}


def codename(action, model):
    return f"{action}_{model}"


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations ran; create them now so the groups can use them.
    app_config = apps.get_app_config("reports")
    app_config.models_module = True
    create_contenttypes(app_config, apps=apps, verbosity=0)
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in [("Editor", EDITOR), ("Reviewer", REVIEWER)]:
        group, _ = Group.objects.get_or_create(name=name)
        codenames = [codename(action, model) for model, actions in grants.items() for action in actions]
        permissions = Permission.objects.filter(content_type__app_label="reports", codename__in=codenames)
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"permissions not found: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=["Editor", "Reviewer"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
