"""Who took each step of an application's history, as the CSC and the office
read it: the person's name and their post (their designation in the
employee register on that day, else their role), never a username."""

from blueprints.accounts.models import User
from blueprints.employees.services import post_on, posts_of_users
from core import clock


def actors_of(events) -> dict[int, tuple[str, str]]:
    """event id -> (name, post) for the events that have an actor."""
    ids = {e.actor_id for e in events if e.actor_id}
    if not ids:
        return {}
    users = {
        u.id: u
        for u in User.select(User.id, User.full_name, User.full_name_local, User.role).where(
            User.id.in_(ids)
        )
    }
    posts = posts_of_users(ids)
    actors = {}
    for event in events:
        user = users.get(event.actor_id)
        if user is None:
            continue
        held = posts.get(user.id)
        post = post_on(held, clock.today_ist(event.at)).name() if held else str(user.role_label)
        actors[event.id] = (user.display_name, post)
    return actors
