"""Service catalogue, applications, their documents, history and ledger."""

from contextlib import suppress

import peewee as pw
from peewee_migrate import Migrator

with suppress(ImportError):
    import playhouse.postgres_ext as pw_pext

def migrate(migrator: Migrator, database: pw.Database, *, fake=False):
    """Write your migrations here."""
    

    @migrator.create_model
    class Service(pw.Model):
        id = pw.AutoField()
        code = pw.CharField(max_length=20, unique=True)
        name_en = pw.CharField(max_length=150)
        name_hi = pw.CharField(max_length=150)
        name_mr = pw.CharField(max_length=150)
        department = pw.ForeignKeyField(column_name='department_id', field='id', model=migrator.orm['office'], on_delete='RESTRICT')
        disposing_level = pw.CharField(max_length=12)
        sla_days = pw.IntegerField(default=7)
        govt_fee = pw.IntegerField(default=0)
        user_charge = pw.IntegerField(default=0)
        split_csc = pw.IntegerField(default=80)
        split_gp = pw.IntegerField(default=10)
        split_society = pw.IntegerField(default=10)
        documents_json = pw.TextField(default='[]')
        fields_json = pw.TextField(default='[]')
        active = pw.BooleanField(default=True)
        updated_at = pw.DateTimeField()

        class Meta:
            table_name = "service"

    @migrator.create_model
    class Application(pw.Model):
        id = pw.AutoField()
        app_id = pw.CharField(max_length=20, null=True, unique=True)
        service = pw.ForeignKeyField(column_name='service_id', field='id', model=migrator.orm['service'], on_delete='RESTRICT')
        csc = pw.ForeignKeyField(column_name='csc_id', field='id', model=migrator.orm['csc'], on_delete='RESTRICT')
        operator = pw.ForeignKeyField(column_name='operator_id', field='id', model=migrator.orm['user'], on_delete='RESTRICT')
        office = pw.ForeignKeyField(column_name='office_id', field='id', model=migrator.orm['office'], null=True, on_delete='RESTRICT')
        gram_panchayat = pw.ForeignKeyField(column_name='gram_panchayat_id', field='id', model=migrator.orm['gram_panchayat'], on_delete='RESTRICT')
        status = pw.CharField(default='draft', index=True, max_length=20)
        step = pw.CharField(default='applicant', max_length=12)
        applicant_name_local = pw.CharField(default='', max_length=120)
        applicant_name_en = pw.CharField(default='', max_length=120)
        relation_name = pw.CharField(default='', max_length=120)
        gender = pw.CharField(default='', max_length=1)
        date_of_birth = pw.DateField(null=True)
        mobile = pw.CharField(default='', max_length=10)
        email = pw.CharField(default='', max_length=120)
        village = pw.ForeignKeyField(column_name='village_id', field='id', model=migrator.orm['village'], null=True, on_delete='RESTRICT')
        address = pw.CharField(default='', max_length=250)
        aadhaar_masked = pw.CharField(default='', max_length=14)
        language = pw.CharField(default='hi', max_length=2)
        extra_json = pw.TextField(default='{}')
        govt_fee = pw.IntegerField(default=0)
        user_charge = pw.IntegerField(default=0)
        fee_collected = pw.BooleanField(default=False)
        submit_token = pw.CharField(max_length=64, unique=True)
        created_at = pw.DateTimeField()
        updated_at = pw.DateTimeField()
        submitted_at = pw.DateTimeField(index=True, null=True)
        due_date = pw.DateField(index=True, null=True)
        paused_since = pw.DateTimeField(null=True)
        paused_days = pw.IntegerField(default=0)
        decided_at = pw.DateTimeField(null=True)
        certificate_no = pw.CharField(default='', max_length=60)

        class Meta:
            table_name = "application"
            indexes = [(('office', 'status', 'submitted_at'), False), (('csc', 'status'), False), (('service', 'status'), False)]

    @migrator.create_model
    class ApplicationDocument(pw.Model):
        id = pw.AutoField()
        application = pw.ForeignKeyField(column_name='application_id', field='id', model=migrator.orm['application'], on_delete='CASCADE')
        doc_key = pw.CharField(max_length=40)
        original_name = pw.CharField(max_length=200)
        mimetype = pw.CharField(max_length=40)
        size = pw.IntegerField()
        stored_name = pw.CharField(max_length=80, unique=True)
        sha256 = pw.CharField(max_length=64)
        uploaded_at = pw.DateTimeField()

        class Meta:
            table_name = "application_document"

    @migrator.create_model
    class ApplicationEvent(pw.Model):
        id = pw.AutoField()
        application = pw.ForeignKeyField(column_name='application_id', field='id', model=migrator.orm['application'], on_delete='RESTRICT')
        at = pw.DateTimeField()
        actor = pw.ForeignKeyField(column_name='actor_id', field='id', model=migrator.orm['user'], null=True, on_delete='RESTRICT')
        from_status = pw.CharField(max_length=20)
        to_status = pw.CharField(max_length=20)
        remark = pw.TextField(default='')

        class Meta:
            table_name = "application_event"

    @migrator.create_model
    class IdSequence(pw.Model):
        prefix = pw.CharField(max_length=8, primary_key=True)
        last = pw.IntegerField(default=0)

        class Meta:
            table_name = "id_sequence"

    @migrator.create_model
    class LedgerLine(pw.Model):
        id = pw.AutoField()
        application = pw.ForeignKeyField(column_name='application_id', field='id', model=migrator.orm['application'], on_delete='RESTRICT')
        party = pw.CharField(max_length=8)
        amount = pw.IntegerField()
        csc = pw.ForeignKeyField(column_name='csc_id', field='id', model=migrator.orm['csc'], on_delete='RESTRICT')
        gram_panchayat = pw.ForeignKeyField(column_name='gram_panchayat_id', field='id', model=migrator.orm['gram_panchayat'], on_delete='RESTRICT')
        at = pw.DateTimeField(index=True)

        class Meta:
            table_name = "ledger_line"
            indexes = [(('application', 'party'), True)]

    _append_only(migrator, database, "application_event")

def _append_only(migrator, database, table):
    """As for audit_event (002): history cannot be rewritten, even in SQL."""
    if isinstance(database, pw.PostgresqlDatabase):
        migrator.sql(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION zila_append_only();"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            migrator.sql(
                f"CREATE TRIGGER {table}_no_{event.lower()} BEFORE {event} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END;"
            )


def rollback(migrator: Migrator, database: pw.Database, *, fake=False):
    """Drop what migrate() made."""
    

    migrator.remove_model('ledger_line')

    migrator.remove_model('id_sequence')

    migrator.remove_model('application_event')

    migrator.remove_model('application_document')

    migrator.remove_model('application')

    migrator.remove_model('service')
