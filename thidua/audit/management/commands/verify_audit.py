from django.core.management.base import BaseCommand

from thidua.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Check the audit log's hash chain; report the first altered or removed entry."

    def handle(self, *args, **options):
        checked, problem = verify_chain()
        if problem is not None:
            self.stderr.write(
                self.style.ERROR(f"Audit log broken at #{problem.seq}: {problem.message}")
            )
            raise SystemExit(1)
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {checked} entries checked."))
