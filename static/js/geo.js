// Report form: a button that fills latitude and longitude from the phone.
// The form works without it; typed values are never overwritten.
(function () {
  var box = document.getElementById("location");
  var lat = document.getElementById("latitude");
  var lon = document.getElementById("longitude");
  if (!box || !lat || !lon || !navigator.geolocation || box.querySelector("button")) return;
  var b = document.createElement("button");
  b.type = "button";
  b.className = "secondary";
  b.textContent = box.getAttribute("data-geo");
  b.onclick = function () {
    b.disabled = true;
    navigator.geolocation.getCurrentPosition(function (p) {
      if (!lat.value) lat.value = p.coords.latitude.toFixed(6);
      if (!lon.value) lon.value = p.coords.longitude.toFixed(6);
      b.disabled = false;
    }, function () {
      b.textContent = box.getAttribute("data-geo-fail");
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 300000 });
  };
  box.appendChild(b);
})();
