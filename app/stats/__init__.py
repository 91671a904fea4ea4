"""Station statistics (统计): figures computed in the core, each traceable to the records behind it."""

from app.stats.drill import DrillError, drill_rows
from app.stats.export import export_stats
from app.stats.figures import station_stats
from app.stats.model import Drill, DrillRow, Headline, Point, Series, StationStats

__all__ = [
    "Drill",
    "DrillError",
    "DrillRow",
    "Headline",
    "Point",
    "Series",
    "StationStats",
    "drill_rows",
    "export_stats",
    "station_stats",
]
