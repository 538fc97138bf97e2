from django.core.management.base import BaseCommand

from tests.support.weightbudget import measure_pages, over_budget


class Command(BaseCommand):
    help = (
        "Measures the home page, an actor page, a réalisation and a ressource page served "
        "by the production stack in a real Chromium: compressed bytes transferred, requests, "
        "DOM elements, EcoIndex."
    )

    def handle(self, *args, **options):
        self.stdout.write("\nPage weight (production stack, Chromium, 1920×1080, empty cache)")
        results = measure_pages()
        for figures in results.values():
            self.stdout.write("  " + figures.line())
        home = results["home", True]
        heaviest = sorted(home.by_url.items(), key=lambda item: -item[1])[:6]
        self.stdout.write("  heaviest transfers of the home page with JS:")
        for url, size in heaviest:
            self.stdout.write(f"    {size / 1024:6.1f} KB  {url.split('/', 3)[-1][:70]}")
        problems = over_budget(results)
        for problem in problems:
            self.stdout.write(self.style.ERROR("  over budget: " + problem))
        if not problems:
            self.stdout.write(
                "  within budget (home ≤ 150 KB with JS, EcoIndex ≥ 75 / ≥ 80, A; "
                "réalisation and ressource ≤ 40 KB, A)"
            )
