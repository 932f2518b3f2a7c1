"""Peewee migrations -- 001_initial.py.

Some examples (model - class or model name)::

    > Model = migrator.orm['table_name']            # Return model in current state by name
    > Model = migrator.ModelClass                   # Return model in current state by name

    > migrator.sql(sql)                             # Run custom SQL
    > migrator.run(func, *args, **kwargs)           # Run python function with the given args
    > migrator.create_model(Model)                  # Create a model (could be used as decorator)
    > migrator.remove_model(model, cascade=True)    # Remove a model
    > migrator.add_fields(model, **fields)          # Add fields (allow_not_null=True skips default)
    > migrator.change_fields(model, **fields)       # Change fields
    > migrator.remove_fields(model, *field_names, cascade=True)
    > migrator.rename_field(model, old_field_name, new_field_name)
    > migrator.rename_table(model, new_table_name)
    > migrator.add_index(model, *col_names, unique=False)
    > migrator.add_not_null(model, *field_names)
    > migrator.add_default(model, field_name, default)
    > migrator.add_constraint(model, name, sql)
    > migrator.drop_index(model, *col_names)
    > migrator.drop_not_null(model, *field_names)
    > migrator.drop_constraints(model, *constraints)

"""

from contextlib import suppress

import peewee as pw
from peewee_migrate import Migrator


with suppress(ImportError):
    import playhouse.postgres_ext as pw_pext


def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    """Write your migrations here."""
    
    @migrator.create_model
    class AuditEvent(pw.Model):
        id = pw.AutoField()
        at = pw.DateTimeField(index=True)
        actor_id = pw.IntegerField(index=True, null=True)
        action = pw.CharField(index=True, max_length=60)
        object_type = pw.CharField(max_length=40)
        object_id = pw.CharField(max_length=40, null=True)
        detail = pw.TextField(default='{}')
        ip = pw.CharField(max_length=45, null=True)

        class Meta:
            table_name = "audit_event"
            indexes = [(('object_type', 'object_id'), False)]

    @migrator.create_model
    class District(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        state_en = pw.CharField(max_length=60)
        state_local = pw.CharField(max_length=60)

        class Meta:
            table_name = "district"

    @migrator.create_model
    class Tehsil(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        district = pw.ForeignKeyField(column_name='district_id', field='id', model=migrator.orm['district'], on_delete='RESTRICT')

        class Meta:
            table_name = "tehsil"

    @migrator.create_model
    class Block(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        tehsil = pw.ForeignKeyField(column_name='tehsil_id', field='id', model=migrator.orm['tehsil'], on_delete='RESTRICT')

        class Meta:
            table_name = "block"

    @migrator.create_model
    class GramPanchayat(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        block = pw.ForeignKeyField(column_name='block_id', field='id', model=migrator.orm['block'], on_delete='RESTRICT')
        population = pw.IntegerField(null=True)

        class Meta:
            table_name = "gram_panchayat"

    @migrator.create_model
    class Village(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        gram_panchayat = pw.ForeignKeyField(column_name='gram_panchayat_id', field='id', model=migrator.orm['gram_panchayat'], on_delete='RESTRICT')
        population = pw.IntegerField(null=True)

        class Meta:
            table_name = "village"

    @migrator.create_model
    class Csc(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        gram_panchayat = pw.ForeignKeyField(column_name='gram_panchayat_id', field='id', model=migrator.orm['gram_panchayat'], on_delete='RESTRICT')
        village = pw.ForeignKeyField(column_name='village_id', field='id', model=migrator.orm['village'], null=True, on_delete='RESTRICT')
        status = pw.CharField(default='active', max_length=12)

        class Meta:
            table_name = "csc"

    @migrator.create_model
    class Municipality(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        tehsil = pw.ForeignKeyField(column_name='tehsil_id', field='id', model=migrator.orm['tehsil'], on_delete='RESTRICT')
        kind = pw.CharField(max_length=20)
        wards = pw.IntegerField(default=0)

        class Meta:
            table_name = "municipality"

    @migrator.create_model
    class Notification(pw.Model):
        id = pw.AutoField()
        channel = pw.CharField(max_length=5)
        recipient = pw.CharField(max_length=120)
        subject = pw.CharField(default='', max_length=200)
        body = pw.TextField()
        status = pw.CharField(default='queued', index=True, max_length=8)
        attempts = pw.IntegerField(default=0)
        last_error = pw.TextField(default='')
        created_at = pw.DateTimeField(index=True)
        sent_at = pw.DateTimeField(null=True)
        dedupe_key = pw.CharField(max_length=120, null=True, unique=True)

        class Meta:
            table_name = "notification"

    @migrator.create_model
    class Office(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=120)
        name_local = pw.CharField(max_length=120)
        level = pw.CharField(max_length=20)
        kind = pw.CharField(max_length=30)
        parent = pw.ForeignKeyField(column_name='parent_id', field='id', model='self', null=True, on_delete='RESTRICT')
        tehsil = pw.ForeignKeyField(column_name='tehsil_id', field='id', model=migrator.orm['tehsil'], null=True, on_delete='RESTRICT')
        block = pw.ForeignKeyField(column_name='block_id', field='id', model=migrator.orm['block'], null=True, on_delete='RESTRICT')
        municipality = pw.ForeignKeyField(column_name='municipality_id', field='id', model=migrator.orm['municipality'], null=True, on_delete='RESTRICT')

        class Meta:
            table_name = "office"

    @migrator.create_model
    class User(pw.Model):
        id = pw.AutoField()
        username = pw.CharField(max_length=40, unique=True)
        full_name = pw.CharField(max_length=120)
        full_name_local = pw.CharField(default='', max_length=120)
        role = pw.CharField(index=True, max_length=20)
        password_hash = pw.CharField(max_length=200)
        mobile = pw.CharField(default='', max_length=10)
        email = pw.CharField(default='', max_length=120)
        csc = pw.ForeignKeyField(column_name='csc_id', field='id', model=migrator.orm['csc'], null=True, on_delete='RESTRICT')
        gram_panchayat = pw.ForeignKeyField(column_name='gram_panchayat_id', field='id', model=migrator.orm['gram_panchayat'], null=True, on_delete='RESTRICT')
        office = pw.ForeignKeyField(column_name='office_id', field='id', model=migrator.orm['office'], null=True, on_delete='RESTRICT')
        block = pw.ForeignKeyField(column_name='block_id', field='id', model=migrator.orm['block'], null=True, on_delete='RESTRICT')
        tehsil = pw.ForeignKeyField(column_name='tehsil_id', field='id', model=migrator.orm['tehsil'], null=True, on_delete='RESTRICT')
        is_active_account = pw.BooleanField(default=True)
        session_version = pw.IntegerField(default=1)
        failed_logins = pw.IntegerField(default=0)
        locked_until = pw.DateTimeField(null=True)
        last_login_at = pw.DateTimeField(null=True)
        totp_secret = pw.CharField(max_length=64, null=True)
        totp_last_step = pw.BigIntegerField(default=0)
        created_at = pw.DateTimeField()

        class Meta:
            table_name = "user"

    @migrator.create_model
    class RecoveryCode(pw.Model):
        id = pw.AutoField()
        user = pw.ForeignKeyField(column_name='user_id', field='id', model=migrator.orm['user'], on_delete='CASCADE')
        code_hash = pw.CharField(index=True, max_length=64)
        used_at = pw.DateTimeField(null=True)

        class Meta:
            table_name = "recovery_code"


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    """Write your rollback migrations here."""
    
    migrator.remove_model('recovery_code')

    migrator.remove_model('user')

    migrator.remove_model('office')

    migrator.remove_model('notification')

    migrator.remove_model('municipality')

    migrator.remove_model('csc')

    migrator.remove_model('village')

    migrator.remove_model('gram_panchayat')

    migrator.remove_model('block')

    migrator.remove_model('tehsil')

    migrator.remove_model('district')

    migrator.remove_model('audit_event')
